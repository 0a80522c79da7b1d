"""Every size limit on content a player can install, in one place.

The limits keep any file a modder can write answerable in well under a second and playable: the biggest
shipped level (leningrad_1957: 100x100 tiles, 44 patrols, 90 turns, 28 kB) sits well inside all of them.
MODDING.md prints this table, so the numbers a modder reads are these.
"""

from __future__ import annotations

KB = 1024
MB = 1024 * KB

# ---------------------------------------------------------------- files
MAX_JSON_BYTES = {  # largest accepted file of each kind, bytes
    "level": 1 * MB,
    "catalog": 1 * MB,
    "mod": 64 * KB,
    "campaign": 64 * KB,
    "events": 1 * MB,
    "codex": 1 * MB,
    "score": 256 * KB,
    "track_meta": 16 * KB,
}
MAX_DEPTH = 32  # nesting of JSON objects and lists (a level needs 5)
MAX_INT_DIGITS = 15  # longer integers are refused before Python converts them

# ---------------------------------------------------------------- levels
MAX_MAP_SIDE = 200  # tiles, both width and height
MIN_MAP_SIDE = 3
MAX_TURNS = 1000  # evenings from the calendar's start to its end
MAX_LIST = 500  # sites, masters, patrols, events, genres, parts, presets, film kinds in one file
MAX_ROUTE = 64  # waypoints of one patrol
MAX_PLAYERS = 8
MAX_NAME = 120  # characters of a name or title
MAX_TEXT = 4000  # characters of a description, briefing or Codex text
MAX_STOCK = 1000  # films of one kind in a hospital's stock or a starting inventory

# ---------------------------------------------------------------- mods
MAX_MOD_FILES = 500  # files in one mod folder, all sub-folders included
MAX_MOD_BYTES = 256 * MB  # all of one mod's files together
MAX_MOD_DEPTH = 6  # folders inside the mod folder
MAX_MODS = 200  # mod folders looked at in one mods folder
MAX_CHAPTERS = 40  # levels in one campaign

# ---------------------------------------------------------------- music
MAX_TRACK_SECONDS = 300.0  # a 78 rpm side holds about three minutes
MIN_TRACK_SECONDS = 1.0
WAV_RATES = (22_050, 32_000, 44_100, 48_000)  # Hz
WAV_SAMPLE_BYTES = (1, 2)  # 8- or 16-bit PCM
WAV_CHANNELS = (1, 2)
MAX_WAV_BYTES = 64 * MB
