"""Pictures the game draws: bone records (`record`, `anatomy`), the lathe (`lathe`), the city map tiles and tokens
(`city`), level thumbnails (`level_thumbnail`)."""
