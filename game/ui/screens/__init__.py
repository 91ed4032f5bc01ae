"""The game's screens: title, new game, turn, result, ending, dossier, help, load, confirm."""
