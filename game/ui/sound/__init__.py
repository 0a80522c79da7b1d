"""The UI's link to the audio engine (`audio_bridge`)."""
