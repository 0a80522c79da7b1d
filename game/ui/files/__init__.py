"""What the UI reads and writes on disk: save slots (`saves`), the level list (`level_source`), Codex notes (`codex_text`)."""
