"""The Textual game: the app (``app.create_app``), its screens and widgets, and one stylesheet.

Imports point one way: ``ui -> engine -> model``. Screens and widgets get what they show as
attributes and send messages up; the app holds the current game and calls the engine.
"""
