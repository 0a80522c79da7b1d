"""Scenes: one module per screen; `registry.SCENES` names them for the screenshot command."""
