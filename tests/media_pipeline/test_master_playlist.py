"""The master playlist visitors get lists finished rungs only, lowest first, and is replaced
whole: ffmpeg's per-pass playlists are merged, and the file is renamed into place."""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage

from media_pipeline import storage
from media_pipeline.transcode import compose_master

FIRST = """#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=1020800,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
360p/index.m3u8
"""
REST = """#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2140800,RESOLUTION=960x540,CODECS="avc1.64001f,mp4a.40.2"
540p/index.m3u8

#EXT-X-STREAM-INF:BANDWIDTH=3520000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8
"""


def uris(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_master_lists_the_first_rung_then_every_rung_in_ladder_order(tmp_path):
    (tmp_path / "master-first.m3u8").write_text(FIRST)
    (tmp_path / "master-rest.m3u8").write_text(REST)

    first = compose_master(tmp_path, ["master-first.m3u8"]).read_text()
    assert first.startswith("#EXTM3U\n#EXT-X-VERSION:3\n")
    assert uris(first) == ["360p/index.m3u8"]

    full = compose_master(tmp_path, ["master-first.m3u8", "master-rest.m3u8"]).read_text()
    assert uris(full) == ["360p/index.m3u8", "540p/index.m3u8", "720p/index.m3u8"]
    assert full.count("#EXT-X-STREAM-INF") == 3 and full.count("#EXTM3U") == 1
    assert 'RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"\n720p/index.m3u8' in full
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "master-first.m3u8",
        "master-rest.m3u8",
        "master.m3u8",
    ]


def test_replacing_the_master_on_disk_swaps_the_file_whole(tmp_path):
    disk = FileSystemStorage(location=tmp_path / "media")
    old, new = tmp_path / "old.m3u8", tmp_path / "new.m3u8"
    old.write_text(FIRST)
    new.write_text(FIRST + REST)
    storage.replace_file(old, "videos/1/1/hls/master.m3u8", storage=disk)
    stored = tmp_path / "media/videos/1/1/hls/master.m3u8"
    inode = stored.stat().st_ino

    storage.replace_file(new, "videos/1/1/hls/master.m3u8", storage=disk)

    assert stored.read_text() == FIRST + REST
    assert stored.stat().st_ino != inode  # a new file renamed over the old, not rewritten
    assert [path.name for path in stored.parent.iterdir()] == ["master.m3u8"]
