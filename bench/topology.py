"""The production-like topology under load (deploy/topology.py: nginx → two gunicorns
`-w 2` → PostgreSQL, Redis, moto's S3; default and video workers), measured from outside:

1. mixed anonymous traffic at 300 req/s for 60 s through nginx, a share of it with analytics
   and consent cookies and tracking parameters: errors, p50/p95/p99, page-cache hit ratio;
2. the same traffic with Redis stopped for 10 s in the middle: errors, p95 during the outage
   (pages a process served before come from its stale-if-error copies, X-Page-Cache: STALE);
3. the same traffic while a story is published every ``--publish-every`` seconds (60) through
   Wagtail's publish code path: the whole-page cache hit rate under scoped invalidation;
4. seconds from a publish (in a process of its own) to both gunicorns serving it (goal ≤ 1 s);
5. seconds from a SIGKILL of the video worker mid-transcode to the job transcoding again on
   another video worker (goal ≤ 120 s with the default 60 s lease).

    .venv/bin/python bench/topology.py                        # the figures above
    .venv/bin/python bench/topology.py --duration 10 --outage 4 --publishes 1   # quick check
    .venv/bin/python bench/topology.py --skip-video

Printed figures, not a timed test. The traffic generator is bench/load.py's (open loop, a new
connection per request, latency from the scheduled send time, 250 loopback client addresses so
the per-client search limit stays on); here it also reads each response's X-Page-Cache header
(HIT/MISS/STALE/BYPASS, from the page cache) for the hit ratio, "n/a" on a build without it.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load import (  # noqa: E402 (bench/ is on sys.path when run as a script)
    Result,
    Target,
    allow_many_sockets,
    discover_targets,
    percentile,
    report,
    schedule,
    warm_up,
)
from serve import load_average, process_tree_cpu_seconds  # noqa: E402

from deploy.topology import Topology, make_clip  # noqa: E402

COOKIE_SHARE = 0.3  # requests carrying _ga, csrftoken and the consent cookie
TRACKING_SHARE = 0.3  # page requests with utm_* / gclid parameters
PAGE_KINDS = {"home", "story", "listing", "article"}


@dataclass
class CachedResult(Result):
    cache: str = ""  # the X-Page-Cache header: HIT, MISS, BYPASS or absent


def decorate(target: Target, rng: random.Random) -> tuple[str, str]:
    """The request line's path and extra headers for one visitor."""
    path = target.path
    headers = ""
    if target.kind in PAGE_KINDS and rng.random() < TRACKING_SHARE:
        tracking = (
            f"utm_source=s{rng.randrange(10**6)}&utm_medium=social&gclid={rng.randrange(10**9)}"
        )
        path += ("&" if "?" in path else "?") + tracking
    if rng.random() < COOKIE_SHARE:
        headers = (
            f"Cookie: _ga=GA1.2.{rng.randrange(10**9)}.{int(time.time())}; "
            f"csrftoken={rng.randbytes(16).hex()}; storysite_consent=accepted\r\n"
        )
    return path, headers


async def fetch(
    port: int, target: Target, scheduled: float, source: str, timeout: float, extra: tuple
) -> Result:
    loop = asyncio.get_running_loop()
    result = CachedResult(target.kind, target.path, 0.0, loop.time() - scheduled)
    path, headers = extra
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "User-Agent: storysite-bench-topology\r\nAccept: text/html,*/*\r\n"
        f"Accept-Encoding: gzip, br\r\nAccept-Language: en\r\n{headers}Connection: close\r\n\r\n"
    ).encode()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=(source, 0)
            )
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            while await reader.read(65536):
                pass
        lines = head.decode("latin-1").split("\r\n")
        result.status = int(lines[0].split()[1])
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "x-page-cache":
                result.cache = value.strip()
    except TimeoutError:
        result.error = "timeout"
    except (OSError, IndexError, ValueError, asyncio.IncompleteReadError) as error:
        result.error = type(error).__name__
    finally:
        if writer is not None:
            writer.close()
    result.latency = loop.time() - scheduled
    ok = result.status == 404 if target.expected_404 else 200 <= result.status < 400
    if not result.error and not ok:
        result.error = f"HTTP {result.status}"
    return result


def publish_story(topology: Topology) -> float:
    """Publish a new title for a story through Wagtail's own code path (a revision saved and
    published, the signals an admin publish sends), in a process of its own; seconds taken."""
    started = time.monotonic()
    marker = f"Published during traffic at {time.time():.3f}"
    topology.shell(PUBLISH_DURING_TRAFFIC.replace("@@MARKER@@", marker))
    return time.monotonic() - started


# A different English story each time (by the minute), as a newsroom publishes.
PUBLISH_DURING_TRAFFIC = """
import time
from stories.models import StoryPage
stories = list(StoryPage.objects.live().filter(locale__language_code="en").order_by("pk"))
page = stories[int(time.time() // 60) % len(stories)]
page.title = "@@MARKER@@"
page.save_revision().publish()
"""


async def run_traffic(
    topology: Topology,
    targets: list[Target],
    args,
    outage: tuple[float, float] | None = None,
    publish_every: float = 0,
) -> tuple[list[Result], float, list[float]]:
    """Send ``targets`` at ``args.rate``; with ``outage`` = (start, length) seconds, Redis is
    stopped that long from that offset; with ``publish_every``, a story is published every that
    many seconds (the first after half of it). Returns results, wall time and each result's
    offset."""
    loop = asyncio.get_running_loop()
    port = topology.ports["nginx"]
    sources = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(args.visitors)]
    rng = random.Random(14)
    start = loop.time() + 0.05
    outage_task = None
    if outage:

        async def break_redis():
            await asyncio.sleep(max(0.0, start + outage[0] - loop.time()))
            await loop.run_in_executor(None, topology.stop_redis)
            await asyncio.sleep(outage[1])
            await loop.run_in_executor(None, topology.start_redis)

        outage_task = asyncio.create_task(break_redis())
    publish_task = None
    published: list[float] = []
    if publish_every:

        async def publish():
            at = publish_every / 2
            while at < len(targets) / args.rate:
                await asyncio.sleep(max(0.0, start + at - loop.time()))
                published.append(await loop.run_in_executor(None, publish_story, topology))
                at += publish_every

        publish_task = asyncio.create_task(publish())
    tasks, offsets = [], []
    for i, target in enumerate(targets):
        scheduled = start + i / args.rate
        delay = scheduled - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        offsets.append(scheduled - start)
        extra = decorate(target, rng)
        tasks.append(
            asyncio.create_task(
                fetch(port, target, scheduled, rng.choice(sources), args.timeout, extra)
            )
        )
    results = await asyncio.gather(*tasks)
    if outage_task:
        await outage_task
    if publish_task:
        await publish_task
        print(
            f"  published {len(published)} stories during the run "
            f"({', '.join(f'{seconds:.1f}' for seconds in published)} s each, "
            "manage.py shell: save_revision().publish())"
        )
    return list(results), loop.time() - start, offsets


def cache_ratio(results: list[Result]) -> str:
    """Hits over hits and misses of the whole-page cache; STALE (Redis unreachable, the
    process's own fallback copy) counted apart."""
    counts = Counter(r.cache for r in results)
    hits, misses, stale = counts.get("HIT", 0), counts.get("MISS", 0), counts.get("STALE", 0)
    if not hits + misses + stale:
        return "n/a (no X-Page-Cache header)"
    ratio = f"{hits / (hits + misses):.1%}" if hits + misses else "n/a"
    return (
        f"{ratio} ({hits} hits, {misses} misses, {stale} stale copies, {counts['BYPASS']} bypass)"
    )


def traffic_phase(
    topology: Topology, urls, args, *, outage=None, publish_every: float = 0, title: str
) -> int:
    targets = schedule(urls, int(args.rate * args.duration), seed=14)
    servers = [topology.pid(name) for name in ("nginx", "web-a", "web-b")]
    server_cpu = sum(process_tree_cpu_seconds(pid) for pid in servers)
    own = resource.getrusage(resource.RUSAGE_SELF)
    results, wall, offsets = asyncio.run(
        run_traffic(topology, targets, args, outage, publish_every)
    )
    after = resource.getrusage(resource.RUSAGE_SELF)
    phase = {
        "results": results,
        "wall": wall,
        # nginx and both gunicorns (masters and workers); the label in load.report says gunicorn
        "server_cores": (sum(process_tree_cpu_seconds(pid) for pid in servers) - server_cpu) / wall,
        "generator_cores": (after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime) / wall,
    }
    report(title, phase, args.rate, args.duration)
    print(f"  page cache: {cache_ratio(results)}")
    errors = sum(1 for r in results if r.error)
    if outage:
        during = [r for r, t in zip(results, offsets, strict=True)
                  if outage[0] <= t < outage[0] + outage[1]]  # fmt: skip
        ok = [r.latency for r in during if not r.error]
        print(
            f"  during the {outage[1]:g} s Redis outage: {len(during)} requests, "
            f"{sum(1 for r in during if r.error)} errors, p50 {percentile(ok, 50):.1f} ms, "
            f"p95 {percentile(ok, 95):.1f} ms, cache {cache_ratio(during)}"
        )
    return errors


def publish_phase(topology: Topology, count: int) -> None:
    print(f"\npublish → served by both gunicorns ({count} publishes, goal ≤ 1 s):")
    worst = []
    for n in range(count):
        result = topology.publish_and_time()
        seconds = result["seconds"]
        both = max(seconds.values()) if len(seconds) == 2 else float("inf")
        worst.append(both)
        shown = ", ".join(f"{k} {v:.3f} s" for k, v in sorted(seconds.items()))
        print(f"  {n + 1}: {shown or 'not seen'} on {result['path']}")
    verdict = "met" if max(worst) <= 1 else "NOT met"
    print(f"  slowest {max(worst):.3f} s: goal {verdict}")


def video_phase(topology: Topology) -> None:
    print("\nSIGKILL of the video worker mid-transcode → transcoding again elsewhere (≤ 120 s):")
    with tempfile.TemporaryDirectory(prefix="storysite-bench-video-") as folder:
        clip = make_clip(Path(folder) / "bench.mp4", seconds=30, size="1280x720")
        video_id = topology.create_video(clip, "Benchmark: worker lost")
    deadline = time.monotonic() + 300
    status, progress = topology.video_state(video_id)
    while not (status == "transcoding" and progress > 0) and time.monotonic() < deadline:
        time.sleep(0.2)
        status, progress = topology.video_state(video_id)
    if status != "transcoding":
        print(f"  the video never started transcoding (status {status})")
        return
    topology.kill_worker("video")
    killed = time.monotonic()
    topology.start_worker("video", name="worker-video-2")
    restarted = topology.wait_for_restart(video_id, progress, timeout=300)
    if restarted is None:
        print(f"  killed at {progress}%: not taken over within 300 s")
        return
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status, now = topology.video_state(video_id)
        if status in ("transcoding", "ready") and (status == "ready" or now > 0):
            break
        time.sleep(0.2)
    again = time.monotonic() - killed
    verdict = "met" if again <= 120 else "NOT met"
    print(
        f"  killed at {progress}%; job started again after {restarted:.1f} s, encoding again "
        f"after {again:.1f} s: goal {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=300, help="requests per second offered")
    parser.add_argument("--duration", type=float, default=60, help="seconds of each traffic run")
    parser.add_argument("--outage", type=float, default=10, help="seconds Redis is stopped")
    parser.add_argument("--publishes", type=int, default=3)
    parser.add_argument(
        "--publish-every",
        type=float,
        default=60,
        help="a third traffic run publishing a story every that many seconds (0: no such run)",
    )
    parser.add_argument("--skip-video", action="store_true")
    parser.add_argument("--visitors", type=int, default=250, help="loopback client addresses")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before an error")
    args = parser.parse_args()
    allow_many_sockets()
    print(f"Storysite production-like topology benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    print(f"at start: {load_average()}", flush=True)
    with Topology(upstream_header=False) as topology:
        urls = discover_targets(topology.env, topology.ports["nginx"])
        warm_up(topology.ports["nginx"], urls, rounds=2)
        print(f"after warm-up: {load_average()}", flush=True)
        print(
            f"traffic: {COOKIE_SHARE:.0%} of requests with _ga/csrftoken/consent cookies, "
            f"{TRACKING_SHARE:.0%} of page requests with utm_*/gclid parameters"
        )
        errors = traffic_phase(topology, urls, args, title="mixed anonymous traffic")
        outage = ((args.duration - args.outage) / 2, args.outage)
        errors += traffic_phase(
            topology, urls, args, outage=outage, title="the same, Redis stopped mid-run"
        )
        if args.publish_every:
            errors += traffic_phase(
                topology,
                urls,
                args,
                publish_every=args.publish_every,
                title=f"the same, a story published every {args.publish_every:g} s",
            )
        publish_phase(topology, args.publishes)
        if not args.skip_video:
            video_phase(topology)
        print(f"\nat end: {load_average()}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
