"""Start-up time: spawn to first paint (beside a bare PySide6 window) and to ready.

    .venv/bin/python bench/startup.py [--people 100000] [--runs 5]

Prints bare_window_ms, first_paint_ms, startup_ratio, ready_ms and the top ten imports
of ``python -X importtime`` (cumulative) as import_<module>_ms lines.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import opdesk.cli, opdesk.app, opdesk.gui.application",
        ],
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
        if "." not in name.strip():
            rows.append((name.strip(), int(cumulative) / 1000))
    return sorted(rows, key=lambda r: r[1], reverse=True)[:count]


def demo_dir(people: int) -> Path:
    """A desk data dir with a demo database of ``people`` people, made once and kept."""
    folder = Path(tempfile.gettempdir()) / "opdesk-bench" / f"desk-{people}"
    if not (folder / "opdesk.sqlite3").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "opdesk",
                "--data-dir",
                str(folder),
                "demo-data",
                "--people",
                str(people),
            ],
            check=True,
            capture_output=True,
        )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data_dir = demo_dir(args.people)
    app_run_ms(data_dir)  # warm: translations built, caches filled
    bare = statistics.median(bare_window_ms() for _ in range(args.runs))
    runs = [app_run_ms(data_dir) for _ in range(args.runs)]
    paint = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    print(f"bare_window_ms={bare:.0f} ms")
    print(f"first_paint_ms={paint:.0f} ms")
    print(f"startup_ratio={paint / bare:.2f} x")
    print(f"ready_ms={ready:.0f} ms")
    for name, ms in top_imports():
        print(f"import_{name}_ms={ms:.1f} ms")


if __name__ == "__main__":
    main()
