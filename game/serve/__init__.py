"""``brink serve``: the classroom server. One game process per browser tab (textual-serve on
aiohttp), Brink's own offline page, and the teacher's page behind a token with the live debrief
of the class folder.

``command``: the command line and the URLs it prints; ``server``: the students' page and the
websocket that runs a tab's game; ``teacher``: the teacher's pages; ``live``: the class folder
read again as saves land; ``student``: a tab's game; ``warm``: the process that has imported
the game once and forks each tab's game; ``launch``: a tab's own small process, which hands its
streams to the warm process and lives as long as its game.
"""
