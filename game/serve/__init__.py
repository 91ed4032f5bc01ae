"""``brink serve``: the classroom server. One game process per browser tab (textual-serve on
aiohttp), Brink's own offline page, and the teacher's page behind a token with the live debrief
of the class folder.

``command``: the command line and the URLs it prints; ``server``: the students' page and the
websocket that runs a tab's game; ``teacher``: the teacher's pages; ``live``: the class folder
read again as saves land; ``student``: the program each tab runs.
"""
