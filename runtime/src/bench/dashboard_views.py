#!/usr/bin/env python3
"""Server time and weight of each dashboard view for one tenant: sign in with a token, then GET each
view N times (default 20) on loopback and report the median and the largest time, and the page's weight
(its HTML and the stylesheet and script it loads, before images; the charts are inline SVG)."""
import statistics, sys, time, urllib.parse, urllib.request, http.cookiejar, re
port, token = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.open(base + "/ui/sign-in", data=urllib.parse.urlencode({"token": token}).encode()).read()
if not any(c.name == "bl_session" for c in jar):
    sys.exit("sign-in refused: is the token right and the dashboard feature installed?")
def get(path):
    with opener.open(base + path, timeout=120) as r:
        return r.read()
print(f"{'view':<28}{'median ms':>10}{'max ms':>10}{'weight KB':>11}")
views = ["/ui/overview", "/ui/bills", "/ui/inventory", "/ui/findings", "/ui/market-position", "/ui/packages", "/ui/operator"]
# a service's page and a later page of the inventory, taken from the inventory as a user follows them
inventory = get("/ui/inventory").decode()
views += [link.replace("&amp;", "&") for link in re.findall(r'href="(/ui/inventory/service\?[^"]+)"', inventory)[40:41]]
views += [link.replace("&amp;", "&") for link in re.findall(r'href="(/ui/inventory\?[^"]*from=[^"]+)"', inventory)[:1]]
for view in views:
    times, page = [], b""
    for _ in range(runs):
        start = time.monotonic()
        page = get(view)
        times.append((time.monotonic() - start) * 1000)
    weight = len(page) + sum(len(get(asset.decode())) for asset in re.findall(rb'(?:href|src)="(/ui/assets/[^"]+)"', page))
    label = view if len(view) <= 27 else view[:24] + "..."
    print(f"{label:<28}{statistics.median(times):>10.1f}{max(times):>10.1f}{weight / 1024:>11.1f}")
