"""Dev-only support shared by the tests, the `screenshot` command and the benchmarks: real sessions played a few
evenings (`demo`), a seat equipped through the commands' `apply` (`equipped`) and the named scenes the
screenshot command renders (`screens`). Not part of the shipped game: nothing under `game/` imports it except
`game/cli/screenshot.py`, a developer's tool."""
