"""The app frame: the window and main loop (`app`), the scene stack's `Scene`, the fixed-step `clock`, player `settings`."""
