"""The desk's side of sync: push the queue, pull changes, rewind and replay. No Qt."""
