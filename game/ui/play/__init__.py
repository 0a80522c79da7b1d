"""The game view and its parts: the scene (`game_view`), camera and map drawing (`map_view`), HUD (`hud`), the
player's plan (`plan`), evening playback (`playback`), action menu, tutorial, starting a skirmish (`start`)."""
