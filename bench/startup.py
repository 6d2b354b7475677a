"""Start-up time: spawn to first paint (beside a bare PySide6 window) and to ready.

    .venv/bin/python bench/startup.py [--people 100000] [--runs 5]

Prints bare_window_ms, first_paint_ms, startup_ratio, ready_ms, then the ten costliest
imports of the start-up path (``python -X importtime``, cumulative) as
import_<module>_ms lines.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import desk_data_dir, emit, parse_args

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1366, 768)
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def bare_window_ms() -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", BARE], capture_output=True, text=True, env=bench_env(), check=True
    ).stdout
    return (float(out.split()[0]) - started) * 1000


def app_run_ms(data_dir: Path) -> tuple[float, float]:
    """(first paint, ready) in ms after spawning ``opdesk`` on ``data_dir``."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.jsonl"
        env = bench_env() | {"OPDESK_STARTUP_PROBE": str(probe)}
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "opdesk", "--data-dir", str(data_dir)],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        events = {e["event"]: e["t"] for e in map(json.loads, probe.read_text().splitlines())}
    return (events["first_paint"] - started) * 1000, (events["ready"] - started) * 1000


def top_imports(count: int = 10) -> list[tuple[str, float]]:
    """The costliest top-level imports before the window shows."""
    code = "import opdesk.cli, opdesk.app, opdesk.gui.application"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        env=bench_env(),
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = (p.strip() for p in line.removeprefix("import time:").split("|"))
        if "." not in name:
            rows.append((name, int(cumulative) / 1000))
    return sorted(rows, key=lambda r: r[1], reverse=True)[:count]


def main() -> None:
    args = parse_args(__doc__ or "", lambda p: p.add_argument("--runs", type=int, default=5))
    data_dir = desk_data_dir(args)
    app_run_ms(data_dir)  # warm: translations built, caches filled
    bare = statistics.median(bare_window_ms() for _ in range(args.runs))
    runs = [app_run_ms(data_dir) for _ in range(args.runs)]
    paint = statistics.median(r[0] for r in runs)
    emit("bare_window_ms", bare, "ms")
    emit("first_paint_ms", paint, "ms")
    emit("startup_ratio", paint / bare, "x")
    emit("ready_ms", statistics.median(r[1] for r in runs), "ms")
    for name, ms in top_imports():
        emit(f"import_{name}_ms", ms, "ms")


if __name__ == "__main__":
    main()
