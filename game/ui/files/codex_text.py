"""The Codex: short historical notes on roentgenizdat, as plain data a modder can extend.

`ENTRIES` ships with the game. A mod adds notes with its Codex file (see MODDING.md), checked by
`game.content` and merged in by `game.ui.files.mods.with_mod_notes` (a note may replace one it overrides). Facts here are kept
careful: where the record is thin the text says "about" or "reportedly".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodexEntry:
    id: str
    title: str
    years: str
    text: str


ENTRIES: tuple[CodexEntry, ...] = (
    CodexEntry(
        "bone_records", "Music on ribs", "late 1940s – early 1960s",
        "Roentgenizdat (from 'roentgen', X-ray) was the name for records cut into used X-ray film. Foreign jazz, "
        "boogie-woogie, tango and later rock'n'roll, and the songs of émigré singers, were not sold in Soviet "
        "shops, so bootleggers copied them onto the one cheap, flexible plastic they could find in quantity: "
        "old radiographs thrown out by hospitals and clinics.\n\nBuyers called them 'bones', 'ribs' or 'music "
        "on ribs'. Holding one to the light you could see someone's ribcage, skull or hand behind the groove.",
    ),
    CodexEntry(
        "the_disc", "What a bone record was", "the object",
        "A sheet of X-ray film was cut into a rough circle with scissors, about 7 to 10 inches across, and the "
        "centre hole was often burned through with a cigarette — which is why so many sit a little off-centre "
        "and wobble in pitch as they turn.\n\nThey were cut on one side only, at 78 rpm, and held about three "
        "minutes of music. The groove was shallow and the film thin: the sound was hissy and crackly, and a "
        "record wore out after reportedly a few dozen plays. Some film was old nitrate stock, which burns "
        "readily.",
    ),
    CodexEntry(
        "lathes", "The lathes", "the machines",
        "Cutting a record needs a lathe: a turntable that turns steadily while a cutting stylus, driven by an "
        "amplifier, engraves the sound into the disc. Bootleggers built them from what they could get — "
        "gramophone motors, parts of radio sets, home-made cutters — and the best groups reportedly worked "
        "from a captured German recording machine they copied.\n\nA bad motor made the pitch wander, a blunt "
        "stylus hissed, an overdriven radio amplifier distorted. The quality of the lathe was the quality of "
        "the record, and buyers could hear the difference.",
    ),
    CodexEntry(
        "golden_dog", "The Golden Dog", "Leningrad, 1946 – 1950s",
        "The best-known Leningrad group called itself Zolotaya Sobaka, the Golden Dog. Its core was Ruslan "
        "Bogoslovsky, an engineer and radio enthusiast who built the group's lathe, and the poet Boris Taigin. "
        "They cut jazz, tango and the songs of émigrés such as Pyotr Leshchenko, and sold them through a "
        "network of friends and dealers.\n\nThey paid for it. Taigin was arrested in the early 1950s and "
        "reportedly spent years in the camps; Bogoslovsky was sentenced to the camps more than once — by most "
        "accounts three times — and went back to cutting records each time he was released.",
    ),
    CodexEntry(
        "stilyagi", "Stilyagi", "late 1940s – 1950s",
        "The stilyagi ('style hunters') were young people who dressed after what they imagined of the West — "
        "narrow trousers, loud ties, thick-soled shoes, quiffs — and danced to jazz and boogie-woogie. The "
        "name was popularised by a 1949 satire in the magazine Krokodil.\n\nThey were the bootleggers' best "
        "customers. To the press they were idlers and 'worshippers of the West'; Komsomol patrols cut their "
        "hair and trousers in the street, and a stilyaga could be expelled from his institute or his Komsomol "
        "cell.",
    ),
    CodexEntry(
        "anti_formalism", "The 1948 campaign", "1948 – 1953",
        "In February 1948 a Central Committee decree attacked 'formalism' in music, naming Shostakovich and "
        "Prokofiev among others. In the campaign against 'cosmopolitanism' that followed, jazz became "
        "suspect as bourgeois music: big bands were broken up or renamed 'estrada orchestras', and the "
        "saxophone was reportedly struck from some orchestras.\n\nA slogan of the time went: 'Today he plays "
        "jazz, and tomorrow he will sell out his homeland.' Records of the music were hard to come by, which is "
        "exactly what made bone records worth the risk.",
    ),
    CodexEntry(
        "what_was_cut", "What people wanted to hear", "the repertoire",
        "Bone records carried what Soviet record factories would not press: American "
        "jazz and swing (Glenn Miller's music was loved after the 1941 film 'Sun Valley Serenade' reached the "
        "USSR as a war trophy), boogie-woogie, tango and foxtrot, and later Elvis Presley and Bill Haley.\n\n"
        "Just as wanted were Russian voices that had been silenced: émigrés like Pyotr Leshchenko, gypsy "
        "romances, and songs of singers who were in prison or out of favour.",
    ),
    CodexEntry(
        "voice_of_america", "The Jazz Hour", "from 1955",
        "In January 1955 the Voice of America began Music USA, whose jazz hour was presented by Willis "
        "Conover. It was beamed to the Soviet Union and Eastern Europe on shortwave, and listeners across the "
        "country tuned in despite the jamming — reportedly jazz programmes were jammed less than the news.\n\n"
        "For bootleggers the radio was a source: a good receiver and a recording set could turn an evening "
        "broadcast into new masters, though such copies never sounded as clean as a real foreign disc.",
    ),
    CodexEntry(
        "festival_1957", "The Youth Festival", "Moscow, summer 1957",
        "In July and August 1957 Moscow hosted the World Festival of Youth and Students, and tens of "
        "thousands of foreign guests — about thirty thousand by most counts — came to the city. They brought "
        "clothes, magazines, and records, and jazz was played openly in the streets and halls.\n\nThe Thaw "
        "under Khrushchev eased some bans, and demand for Western music only grew; so did the state's unease "
        "about it.",
    ),
    CodexEntry(
        "raids", "Raids and brigades", "about 1957 – 1960",
        "In the late 1950s the authorities turned on the bone trade. Komsomol 'light cavalry' raids and, from "
        "1959, volunteer people's patrols (druzhiny) worked alongside the militia against stilyagi and "
        "'speculators'. Newspapers published mocking articles about 'music on ribs' and named sellers.\n\n"
        "Selling records could be prosecuted as speculation or illegal trade. Reportedly the authorities also "
        "put out fake bone records: a few bars of a popular song, then a voice insulting the listener for "
        "buying it.",
    ),
    CodexEntry(
        "the_cost", "What it cost", "the people",
        "Most buyers risked a fine, a confiscated record, a public dressing-down at a Komsomol meeting or "
        "expulsion from an institute. Cutters and dealers risked far more: confiscation of their equipment, "
        "and sentences of several years in labour camps under articles on speculation or on making and "
        "selling forbidden material.\n\nMany of the people who made this music available are known today only "
        "by first names, or not at all. The records outlived the trade; the stories of those who made them "
        "mostly survive in a handful of interviews.",
    ),
    CodexEntry(
        "magnitizdat", "The end: tape", "1960s",
        "Soviet reel-to-reel tape recorders had been made since about 1950, and by the early 1960s they were "
        "becoming common in ordinary homes. Tape "
        "could be copied at home, over and over, with no lathe and no film, and it held far more than three "
        "minutes.\n\nMagnitizdat — 'tape publishing' — took over: the songs of the bards, and later Western "
        "rock, spread from recorder to recorder. The bone record, with its scorched hole and ghostly ribs, "
        "became a curiosity and then a memory.",
    ),
)


def load_entries() -> list[CodexEntry]:
    """The shipped entries (mods' notes are added by `game.ui.files.mods.with_mod_notes`)."""
    return list(ENTRIES)
