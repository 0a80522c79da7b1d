"""The pygame interface: app loop and scene stack (app.py, scene.py), widgets, theme, scenes, record art."""
