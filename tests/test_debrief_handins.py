"""Hand-ins from a learning platform: saves in sub-folders and zips are read in full; a zip
whose member would leave the folder, and a zip bomb, are refused with the reason, quickly,
and nothing is written anywhere. ``--role`` keeps one campaign; the roster in both reports."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from debrief_class import make_class

from game.cli import main
from game.debrief import build, gather, render
from game.debrief.roster import COLUMNS, spent


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def handed_in(cmc, tmp_path):
    """12 games: 4 loose, 4 in a sub-folder, 4 in a zip (with a sub-folder inside)."""
    src = tmp_path / "made"
    made = make_class(cmc, src, n=12)
    folder = tmp_path / "hand-ins"
    (folder / "10B" / "ann").mkdir(parents=True)
    for m in made[:4]:
        (folder / m.path.name).write_bytes(m.path.read_bytes())
    for m in made[4:8]:
        (folder / "10B" / "ann" / m.path.name).write_bytes(m.path.read_bytes())
    with zipfile.ZipFile(folder / "platform.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for m in made[8:]:
            zf.writestr(f"submissions/{m.path.name}", m.path.read_bytes())
    return folder, made


def test_subfolders_and_zips_are_debriefed_in_full(cmc, handed_in, tmp_path):
    folder, made = handed_in
    before = tree(tmp_path)
    d = build(cmc, gather(folder, cmc))
    assert d.skipped == ()
    assert {s.save_id for s in d.students} == {m.save.id for m in made}
    assert tree(tmp_path) == before  # nothing unpacked, nothing written


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_member_that_would_leave_the_folder_refuses_the_zip(cmc, handed_in, tmp_path):
    folder, made = handed_in
    good = made[0].path.read_bytes()
    zip_with(folder / "evil.zip", {"ok.json": good, "../../escaped.json": good})
    zip_with(folder / "abs.zip", {"/tmp/abs-escaped.json": good})
    before = tree(tmp_path)
    d = build(cmc, gather(folder, cmc))
    reasons = {s.file: s.reason for s in d.skipped}
    assert "a member's name would leave the folder ('../../escaped.json')" in reasons["evil.zip"]
    assert "would leave the folder" in reasons["abs.zip"]
    assert d.overview.games == 12  # ok.json of the refused zip is not read either
    assert tree(tmp_path) == before and not Path("/tmp/abs-escaped.json").exists()


def test_a_zip_bomb_is_refused_quickly(cmc, handed_in, tmp_path):
    folder, _ = handed_in
    buf = io.BytesIO()
    zeros = b"0" * 300_000_000
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i in range(3):  # each ~1.3 MB packed (230 to 1), 900 MB unpacked in all
            zf.writestr(f"bomb{i}.json", zeros)
    (folder / "bomb.zip").write_bytes(buf.getvalue())
    before = tree(tmp_path)
    t0 = time.perf_counter()
    d = build(cmc, gather(folder, cmc))
    assert time.perf_counter() - t0 < 10
    reasons = {s.file: s.reason for s in d.skipped}
    assert "a zip refused, nothing read from it" in reasons["bomb.zip"]
    assert "zip bomb" in reasons["bomb.zip"]
    assert tree(tmp_path) == before


def test_a_member_whose_header_lies_is_read_with_a_cap(cmc, tmp_path):
    """A member that says it is small but unpacks large is cut at the cap, never read whole."""
    from game.debrief import handins

    data = b"{" + b" " * 6_000_000 + b"}"
    path = zip_with(tmp_path / "liar.zip", {"liar.json": data})
    raw = bytearray(path.read_bytes())
    size = len(data).to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    raw = raw.replace(size, small)  # the local and the central headers now say 1000 bytes
    path.write_bytes(bytes(raw))
    got = list(handins.entries(tmp_path))
    assert len(got) == 1 and got[0].text is None and got[0].problem


def test_role_keeps_one_campaign(cmc, handed_in, capsys):
    folder, made = handed_in
    assert main(["debrief", str(folder), "--role", "khrushchev", "--format", "md"]) == 0
    out = capsys.readouterr().out
    n = sum(1 for m in made if m.save.role == "khrushchev")
    assert f"{n} games from the folder" in out and "Khrushchev" in out
    assert "Advise President Kennedy:" not in out
    d = build(cmc, gather(folder, cmc), role="kennedy")
    assert {s.role for s in d.students} == {"kennedy"}


def test_overview_is_split_by_campaign(cmc, handed_in):
    folder, made = handed_in
    d = build(cmc, gather(folder, cmc))
    assert [c.role for c in d.campaigns] == ["kennedy", "khrushchev"]
    for c in d.campaigns:
        games = [m for m in made if m.save.role == c.role]
        assert c.overview.games == len(games)
        war = sum(
            1
            for m in games
            if m.save.summary.ending and "nuclear_war" in cmc.ending(m.save.summary.ending).tags
        )
        assert c.overview.nuclear_war == war
    md = render(d, "md")
    assert "## By campaign" in md


def test_roster_in_markdown_and_html(cmc, tmp_path):
    make_class(cmc, tmp_path, n=6, names=("Ann", "Bob", "ann ", "Cy", "Ann", "Di"), classes=("7A",))
    d = build(cmc, gather(tmp_path, cmc))
    md, page = render(d, "md"), render(d, "html")
    assert "| " + " | ".join(COLUMNS) + " |" in md
    assert "".join(f"<th>{c}</th>" for c in COLUMNS) in page
    assert "Student 1 (Ann), attempt 1 of 3" in md and "Student 5 (Ann), attempt 3 of 3" in md
    hidden = render(d, "md", show_names=False)
    assert "Student 3, attempt 2 of 3" in hidden and "(Ann)" not in hidden
    assert spent(38) == "38 min" and spent(65) == "1 h 05 min" and spent(None) == "—"


def test_gather_tells_its_progress(cmc, tmp_path):
    from debrief_class import play

    from game.saves import write_save

    first = write_save(tmp_path, play(cmc, "kennedy", 1, stop=1).to_save())
    for i in range(44):
        (tmp_path / f"copy-{i:02d}.json").write_bytes(first.read_bytes())
    told: list[int] = []
    gathered = gather(tmp_path, cmc, told.append)
    assert told == [20, 40, 45]
    assert len(gathered.games) == 1 and len(gathered.skipped) == 44
