"""Use cases: what the GUI, the CLI and HQ call. They make ids and times, then run
mutations through the log; queries return frozen plain data, never ORM objects."""
