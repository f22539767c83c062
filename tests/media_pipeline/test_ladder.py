"""The HLS ladder never upscales and keeps the picture's shape."""

from media_pipeline.transcode import ladder_command, mp4_rung, plan_ladder


def names(rungs):
    return [(r.name, r.width, r.height) for r in rungs]


def test_1080p_source_gets_all_four_rungs():
    assert names(plan_ladder(1920, 1080)) == [
        ("360p", 640, 360),
        ("540p", 960, 540),
        ("720p", 1280, 720),
        ("1080p", 1920, 1080),
    ]


def test_ladder_stops_at_the_source_resolution():
    assert [r.name for r in plan_ladder(1280, 720)] == ["360p", "540p", "720p"]
    assert [r.name for r in plan_ladder(1000, 562)] == ["360p", "540p"]


def test_small_source_gets_one_rung_at_its_own_size():
    assert names(plan_ladder(320, 180)) == [("180p", 320, 180)]


def test_portrait_phone_video_keeps_its_orientation():
    assert names(plan_ladder(1080, 1920))[-1] == ("1080p", 1080, 1920)
    assert names(plan_ladder(1080, 1920))[0] == ("360p", 360, 640)


def test_mp4_fallback_is_at_most_720p():
    assert mp4_rung(plan_ladder(1920, 1080)).name == "720p"
    assert mp4_rung(plan_ladder(320, 180)).name == "180p"


def test_one_ffmpeg_process_encodes_every_rung(tmp_path):
    rungs = plan_ladder(1920, 1080)
    command = ladder_command(tmp_path / "in.mp4", tmp_path, rungs, has_audio=True)
    assert command.count("-i") == 1
    graph = command[command.index("-filter_complex") + 1]
    assert graph.startswith("[0:v:0]split=4")
    stream_map = command[command.index("-var_stream_map") + 1]
    assert stream_map == "v:0,a:0,name:360p v:1,a:1,name:540p v:2,a:2,name:720p v:3,a:3,name:1080p"
    assert "master.m3u8" in command
