#!/usr/bin/env python3
"""A fake multi-node Elasticsearch / OpenSearch cluster for `shark es-shards` tests.

osmem-server covers the data plane of one node; this covers the control plane it lacks:
`_recovery`, allocation explain, reroute (move, retry_failed, dry_run, explain), relocating and
initializing shards, allocation settings that take effect (enable, exclude._name, rebalance),
`_count` pinned to one copy, and fs snapshots. Response bodies are built from the JSON files in
es-fixtures/, each citing the documentation page its shape comes from.

The cluster moves on its own every --tick-ms: INITIALIZING copies and relocations advance by
--step % and then start; unassigned copies are allocated when the allocation settings allow
(copies that failed 5 times wait for `retry_failed`, as with index.allocation.max_retries);
copies on excluded nodes relocate away; with rebalancing enabled, the fullest node sheds a shard
to the emptiest until counts are within one.

Usage: fake-es-cluster.py --port-file FILE [--port 0] [--flavour es8|es7|opensearch2]
                          [--scenario green|unbalanced|failed|replication|drain] [--tick-ms 200]
Control (test only, not part of any ES API):
  POST /_fake/scenario  {"name": ..., "flavour": ...}   reset to a scenario
  POST /_fake/pause     {"paused": true|false, "step"}  freeze / resume the simulation (step: % per tick)
  POST /_fake/tick      {}                              advance the simulation by one tick now
  POST /_fake/mismatch  {"index","shard","docs"}        a replica's docs/count differ from its primary
  POST /_fake/override  {"path","status","body"}        answer GET PATH with this body from now on
                        (+ "method": answer that method instead, "times": only the next N
                        requests, "retry_after": send a Retry-After header of that many seconds)
  GET  /_fake/hits                                      {"METHOD PATH": [epoch seconds of each request]}
  GET  /_fake/state                                      the whole model
"""

import argparse
import copy
import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "es-fixtures"


def fixture(name):
    return json.loads((FIXTURES / name).read_text())["response"]


LOCK = threading.RLock()
M = {}  # the model, rebuilt by scenario()


def scenario(name, flavour="es8", step=25):
    nodes = [{"name": f"node-{i}", "id": f"n{i}id", "ip": "127.0.0.1"} for i in (1, 2, 3)]
    M.clear()
    M.update(
        name=name,
        flavour=flavour,
        step=step,
        paused=False,
        nodes=nodes,
        indices={},
        copies=[],
        persistent={},
        transient={},
        finished=[],
        repos={},
        overrides={},
        hits={},
    )

    def index(name, shards, replicas, layout, docs=100):
        # layout[shard] = [primary node, replica node...]; None = unassigned
        M["indices"][name] = {"shards": shards, "replicas": replicas, "blocks_write": False}
        for s in range(shards):
            for i, node in enumerate(layout[s]):
                M["copies"].append(
                    dict(index=name, shard=s, primary=i == 0, state="STARTED" if node else "UNASSIGNED",
                         node=node, target=None, progress=100, kind=None, source=None,
                         reason=None if node else "INDEX_CREATED", attempts=0,
                         docs=docs + s, store=51200 + 100 * s, count=None))

    if name in ("green", "drain"):
        index("logs", 3, 1, [["node-1", "node-2"], ["node-2", "node-3"], ["node-3", "node-1"]])
    elif name == "unbalanced":
        M["persistent"]["cluster.routing.rebalance.enable"] = "none"
        index("logs", 3, 1, [["node-1", "node-2"]] * 3)
        index("metrics", 2, 1, [["node-2", "node-1"]] * 2)
    elif name == "failed":
        M["persistent"]["cluster.routing.allocation.enable"] = "primaries"
        index("logs", 1, 1, [["node-1", "node-2"]])
        index("orders", 2, 1, [["node-1", None], ["node-2", None]])
        for c in M["copies"]:
            if c["index"] == "orders" and not c["primary"]:
                c.update(reason="ALLOCATION_FAILED", attempts=5)
    elif name == "replication":
        M["paused"] = True
        index("healthy-idx", 1, 1, [["node-1", "node-2"]])
        index("syncing-idx", 1, 1, [["node-1", "node-3"]])
        index("degraded-idx", 1, 1, [["node-2", None]])
        index("failed-idx", 1, 1, [[None, None]])
        for c in M["copies"]:
            if c["index"] == "syncing-idx" and not c["primary"]:
                c.update(state="INITIALIZING", progress=40, kind="PEER", source="node-1")
            if c["index"] == "degraded-idx" and not c["primary"]:
                c["reason"] = "NODE_LEFT"
            if c["index"] == "failed-idx":
                c["reason"] = "NODE_LEFT"
    else:
        raise ValueError(f"unknown scenario {name}")


# ---- model helpers -------------------------------------------------------------------------

def setting(key, default=None):
    return M["transient"].get(key, M["persistent"].get(key, default))


def excluded():
    v = setting("cluster.routing.allocation.exclude._name") or ""
    return [n.strip() for n in v.split(",") if n.strip()]


def node_by(key):
    for n in M["nodes"]:
        if key in (n["name"], n["id"]):
            return n
    return None


def holders(index, shard):
    out = set()
    for c in M["copies"]:
        if c["index"] == index and c["shard"] == shard:
            if c["node"]:
                out.add(c["node"])
            if c["target"]:
                out.add(c["target"])
    return out


def load(node):
    return sum(1 for c in M["copies"] if c["node"] == node or c["target"] == node)


def best_node(c, avoid=()):
    taken = holders(c["index"], c["shard"])
    ok = [n["name"] for n in M["nodes"]
          if n["name"] not in excluded() and n["name"] not in taken and n["name"] not in avoid]
    return min(ok, key=lambda n: (load(n), n)) if ok else None


def primary_of(c):
    for p in M["copies"]:
        if p["index"] == c["index"] and p["shard"] == c["shard"] and p["primary"]:
            return p
    return None


def moving():
    return [c for c in M["copies"] if c["state"] in ("INITIALIZING", "RELOCATING")]


def allocate():
    enable = setting("cluster.routing.allocation.enable", "all")
    for c in M["copies"]:
        if c["state"] != "UNASSIGNED":
            continue
        if enable == "none" or (enable in ("primaries", "new_primaries") and not c["primary"]):
            continue
        if c["reason"] == "ALLOCATION_FAILED" and c["attempts"] >= 5:
            continue
        if c["primary"] and c["reason"] == "NODE_LEFT":
            continue  # no valid shard copy: the data is gone
        p = primary_of(c)
        if not c["primary"] and (p is None or p["state"] not in ("STARTED", "RELOCATING")):
            continue
        node = best_node(c)
        if node is None:
            continue
        c.update(state="INITIALIZING", node=node, progress=0,
                 kind=c.get("restore_kind") or ("EXISTING_STORE" if c["primary"] else "PEER"),
                 source=c["source"] if c.get("restore_kind") else (None if c["primary"] else p["node"]))


def relocate(c, to):
    c.update(state="RELOCATING", target=to, progress=0, kind="PEER", source=c["node"])


def tick():
    step = M["step"]
    for c in list(M["copies"]):
        if c["state"] == "INITIALIZING" or c["state"] == "RELOCATING":
            c["progress"] = min(100, c["progress"] + step)
            if c["progress"] >= 100:
                M["finished"].append(recovery_row(c, done=True))
                if c["state"] == "RELOCATING":
                    c["node"], c["target"] = c["target"], None
                c.update(state="STARTED", reason=None, attempts=0)
    allocate()
    # drain: copies on excluded nodes move away, two at a time
    for c in M["copies"]:
        if len([m for m in M["copies"] if m["state"] == "RELOCATING"]) >= 2:
            break
        if c["state"] == "STARTED" and c["node"] in excluded():
            to = best_node(c)
            if to:
                relocate(c, to)
    # rebalance
    rebalance = setting("cluster.routing.rebalance.enable", "all")
    if (rebalance != "none" and setting("cluster.routing.allocation.enable", "all") == "all"
            and not moving() and not any(c["state"] == "UNASSIGNED" for c in M["copies"])):
        names = [n["name"] for n in M["nodes"] if n["name"] not in excluded()]
        if names:
            full = max(names, key=lambda n: (load(n), n))
            empty = min(names, key=lambda n: (load(n), n))
            if load(full) - load(empty) > 1:
                for c in M["copies"]:
                    if c["node"] != full or c["state"] != "STARTED":
                        continue
                    if rebalance == "primaries" and not c["primary"]:
                        continue
                    if rebalance == "replicas" and c["primary"]:
                        continue
                    if empty not in holders(c["index"], c["shard"]):
                        relocate(c, empty)
                        break
    for repo in M["repos"].values():
        for s in repo["snapshots"].values():
            if s["state"] == "IN_PROGRESS":
                s["done"] = min(s["total"], s["done"] + 1)
                if s["done"] == s["total"]:
                    s["state"] = "SUCCESS"
                    s["end"] = now_ms()


def now_ms():
    return int(time.time() * 1000)


def ticker(ms):
    while True:
        time.sleep(ms / 1000.0)
        with LOCK:
            if not M["paused"]:
                try:
                    tick()
                except Exception:  # keep ticking; the traceback shows in the log
                    import traceback
                    traceback.print_exc()


# ---- responses -----------------------------------------------------------------------------

def health(index=None):
    h = copy.deepcopy(fixture("cluster-health.json"))
    cs = [c for c in M["copies"] if index is None or c["index"] == index]
    st = lambda s: sum(1 for c in cs if c["state"] == s)
    active = st("STARTED") + st("RELOCATING")
    red = any(c["primary"] and c["state"] in ("UNASSIGNED",) for c in cs)
    status = "red" if red else ("yellow" if st("UNASSIGNED") or st("INITIALIZING") else "green")
    if any(c["primary"] and c["state"] == "INITIALIZING" for c in cs):
        status = "red"
    h.update(status=status, number_of_nodes=len(M["nodes"]), number_of_data_nodes=len(M["nodes"]),
             active_primary_shards=sum(1 for c in cs if c["primary"] and c["state"] in ("STARTED", "RELOCATING")),
             active_shards=active, relocating_shards=st("RELOCATING"), initializing_shards=st("INITIALIZING"),
             unassigned_shards=st("UNASSIGNED"),
             active_shards_percent_as_number=100.0 * active / len(cs) if cs else 100.0)
    if M["flavour"] == "opensearch2":
        h["discovered_cluster_manager"] = True
    else:
        h["discovered_master"] = True
    return h


def cat_shards(index, cols):
    rows = []
    for c in M["copies"]:
        if index and c["index"] != index:
            continue
        started = c["state"] in ("STARTED", "RELOCATING", "INITIALIZING")
        node = c["node"]
        n = node_by(node) if node else None
        nodecol = node
        if c["state"] == "RELOCATING":
            t = node_by(c["target"])
            nodecol = f"{node} -> {t['ip']} {t['id']} {t['name']}"
        docs = c["docs"] if c["state"] in ("STARTED", "RELOCATING") else (0 if started else None)
        row = {"index": c["index"], "shard": str(c["shard"]), "prirep": "p" if c["primary"] else "r",
               "state": c["state"], "docs": None if docs is None else str(docs),
               "store": str(c["store"]) if started else None, "ip": n["ip"] if n else None,
               "id": n["id"] if n else None, "node": nodecol,
               "unassigned.reason": c["reason"] if c["state"] == "UNASSIGNED" else None}
        rows.append({k: row.get(k) for k in cols} if cols else row)
    return rows


def cat_nodes(cols):
    mcol = "cluster_manager" if M["flavour"] == "opensearch2" else "master"
    rows = []
    for i, n in enumerate(M["nodes"]):
        row = {"id": n["id"], "name": n["name"], "ip": n["ip"], "node.role": "cdfhilmrstw",
               mcol: "*" if i == 0 else "-"}
        rows.append({k: row.get(k) for k in cols} if cols else row)
    return rows


def recovery_row(c, done=False):
    r = copy.deepcopy(fixture("recovery.json")["logs"]["shards"][0])
    pct = 100 if done else c["progress"]
    total = c["store"]
    files = 30
    r.update(id=c["shard"], type=c["kind"] or "PEER", primary=c["primary"],
             stage="DONE" if done else ("INDEX" if pct < 90 else "TRANSLOG"))
    target = c["target"] if c["state"] == "RELOCATING" else c["node"]
    t = node_by(target)
    r["target"].update(id=t["id"], name=t["name"])
    if c["kind"] == "SNAPSHOT":
        r["source"] = {"repository": c["source"][0], "snapshot": c["source"][1], "version": "8.17.0",
                       "index": c["index"], "restoreUUID": "fake"}
    elif c["source"]:
        s = node_by(c["source"])
        r["source"].update(id=s["id"], name=s["name"])
    else:
        r["source"] = {}
    r["index"]["size"].update(total_in_bytes=total, recovered_in_bytes=total * pct // 100,
                              percent=f"{pct:.1f}%")
    r["index"]["files"].update(total=files, recovered=files * pct // 100, percent=f"{files * pct // 100 * 100 / files:.1f}%")
    return (c["index"], r) if done else r


def recoveries(active_only):
    out = {}
    for c in M["copies"]:
        if c["state"] == "INITIALIZING" or c["state"] == "RELOCATING":
            out.setdefault(c["index"], {"shards": []})["shards"].append(recovery_row(c))
    if not active_only:
        for index, r in M["finished"]:
            out.setdefault(index, {"shards": []})["shards"].append(r)
    return out


def cat_recovery(active_only, cols):
    tmpl = fixture("cat-recovery.json")[0]
    rows = []
    for index, shards in recoveries(active_only).items():
        for r in shards["shards"]:
            row = dict(tmpl)
            snap = r["type"] == "SNAPSHOT"
            size, files = r["index"]["size"], r["index"]["files"]
            row.update(index=index, shard=str(r["id"]), type=r["type"].lower(), stage=r["stage"].lower(),
                       source_node="n/a" if snap else r["source"].get("name", "n/a"),
                       target_node=r["target"]["name"],
                       repository=r["source"]["repository"] if snap else "n/a",
                       snapshot=r["source"]["snapshot"] if snap else "n/a",
                       files=str(files["total"]), files_total=str(files["total"]),
                       files_recovered=str(files["recovered"]), files_percent=files["percent"],
                       bytes=str(size["total_in_bytes"]), bytes_total=str(size["total_in_bytes"]),
                       bytes_recovered=str(size["recovered_in_bytes"]), bytes_percent=size["percent"])
            rows.append({k: row.get(k) for k in cols} if cols else row)
    return rows


def explain(body):
    if not body:
        cands = [c for c in M["copies"] if c["state"] == "UNASSIGNED"]
        if not cands:
            return 400, err("illegal_argument_exception",
                            "No shard was specified in the explain API request, and no unassigned shards were found; "
                            "specify a shard to explain.")
        c = cands[0]
    else:
        c = next((c for c in M["copies"] if c["index"] == body.get("index") and c["shard"] == body.get("shard")
                  and c["primary"] == bool(body.get("primary"))), None)
        if c is None:
            return 400, err("illegal_argument_exception", f"unable to find any shards to explain [{body}] in the routing table")
    e = copy.deepcopy(fixture("allocation-explain.json"))
    e.update(index=c["index"], shard=c["shard"], primary=c["primary"])
    if c["state"] != "UNASSIGNED":
        for k in ("unassigned_info", "can_allocate", "allocate_explanation", "node_allocation_decisions"):
            e.pop(k, None)
        e.update(current_state=c["state"].lower(), current_node={"id": node_by(c["node"])["id"], "name": c["node"]},
                 can_remain_on_current_node="yes", can_rebalance_cluster="yes")
        return 200, e
    e["unassigned_info"].update(reason=c["reason"], failed_allocation_attempts=c["attempts"] or None)
    if c["reason"] != "ALLOCATION_FAILED":
        e["unassigned_info"].pop("details", None)
        e["unassigned_info"].pop("failed_allocation_attempts", None)
    enable = setting("cluster.routing.allocation.enable", "all")
    decisions = []
    for n in M["nodes"]:
        deciders = []
        if c["reason"] == "ALLOCATION_FAILED" and c["attempts"] >= 5:
            deciders.append({"decider": "max_retry", "decision": "NO", "explanation":
                             f"shard has exceeded the maximum number of retries [5] on failed allocation attempts - "
                             f"manually call [POST /_cluster/reroute?retry_failed] to retry"})
        if enable != "all" and not (c["primary"] and enable in ("primaries", "new_primaries")):
            deciders.append({"decider": "enable", "decision": "NO", "explanation":
                             f"replica allocations are forbidden due to cluster setting [cluster.routing.allocation.enable={enable}]"})
        if n["name"] in holders(c["index"], c["shard"]):
            deciders.append({"decider": "same_shard", "decision": "NO", "explanation":
                             "a copy of this shard is already allocated to this node"})
        if n["name"] in excluded():
            deciders.append({"decider": "filter", "decision": "NO", "explanation":
                             f"node matches cluster setting [cluster.routing.allocation.exclude] filters [_name:\"{','.join(excluded())}\"]"})
        decisions.append({"node_id": n["id"], "node_name": n["name"], "transport_address": "127.0.0.1:9300",
                          "node_decision": "no" if deciders else "yes", "deciders": deciders})
    if c["primary"] and c["reason"] == "NODE_LEFT":
        e.update(can_allocate="no_valid_shard_copy", allocate_explanation=
                 "cannot allocate because a previous copy of the primary shard existed but can no longer be found on the nodes in the cluster")
        e["node_allocation_decisions"] = decisions
    else:
        e["node_allocation_decisions"] = decisions
        e["can_allocate"] = "no" if all(d["deciders"] for d in decisions) else "yes"
    return 200, e


def err(typ, reason, status=400):
    e = copy.deepcopy(fixture("error.json"))
    e["error"].update(type=typ, reason=reason)
    e["error"]["root_cause"][0].update(type=typ, reason=reason)
    e["status"] = status
    return e


KNOWN_SETTINGS = re.compile(r"^(cluster\.routing\.|indices\.recovery\.)")


def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


def nest(flat):
    out = {}
    for k, v in flat.items():
        cur = out
        parts = k.split(".")
        for p in parts[:-1]:
            cur = cur.setdefault(p, {})
        cur[parts[-1]] = v
    return out


def put_settings(body):
    for scope in ("persistent", "transient"):
        for k in flatten(body.get(scope) or {}):
            if not KNOWN_SETTINGS.match(k):
                return 400, err("illegal_argument_exception", f"{scope} setting [{k}], not recognized")
    for scope in ("persistent", "transient"):
        for k, v in flatten(body.get(scope) or {}).items():
            if v is None:
                M[scope].pop(k, None)
            else:
                M[scope][k] = str(v)
    return 200, {"acknowledged": True, "persistent": nest({k: v for k, v in flatten(body.get("persistent") or {}).items() if v is not None}),
                 "transient": nest({k: v for k, v in flatten(body.get("transient") or {}).items() if v is not None})}


def reroute(q, body):
    dry = q.get("dry_run") in ("", "true")
    expl = []
    if q.get("retry_failed") in ("", "true") and not dry:
        for c in M["copies"]:
            if c["state"] == "UNASSIGNED" and c["reason"] == "ALLOCATION_FAILED":
                c["attempts"] = 0
        allocate()
    for cmd in (body or {}).get("commands", []):
        if "move" not in cmd:
            return 400, err("illegal_argument_exception", f"unsupported command {list(cmd)}")
        m = cmd["move"]
        c = next((c for c in M["copies"] if c["index"] == m["index"] and c["shard"] == m["shard"]
                  and c["node"] == m["from_node"]), None)
        if c is None or c["state"] != "STARTED":
            return 400, err("illegal_argument_exception",
                            f"[move_allocation] can't move [{m['index']}][{m['shard']}], failed to find it on node {m['from_node']}")
        if node_by(m["to_node"]) is None:
            return 400, err("illegal_argument_exception", f"[move_allocation] failed to resolve target node [{m['to_node']}]")
        if m["to_node"] in holders(c["index"], c["shard"]):
            return 400, err("illegal_argument_exception",
                            f"[move_allocation] can't move [{m['index']}][{m['shard']}] from {m['from_node']} to {m['to_node']}: "
                            "a copy of this shard is already allocated to this node")
        expl.append({"command": "move", "parameters": m,
                     "decisions": [{"decider": "move_allocation_command", "decision": "YES", "explanation": "shard can be moved"}]})
        if not dry:
            relocate(c, m["to_node"])
    r = copy.deepcopy(fixture("reroute-explain.json"))
    r["explanations"] = expl if q.get("explain") in ("", "true") else []
    if q.get("metric") == "none":
        r.pop("state", None)
    return 200, r


def count(index, q):
    if index not in M["indices"]:
        return 404, err("index_not_found_exception", f"no such index [{index}]", 404)
    pref = q.get("preference", "")
    m = re.match(r"_shards:(\d+)\|_only_nodes:(.+)$", pref)
    r = copy.deepcopy(fixture("count.json"))
    if m:
        shard, node = int(m.group(1)), node_by(m.group(2))
        c = next((c for c in M["copies"] if c["index"] == index and c["shard"] == shard and node
                  and c["node"] == node["name"] and c["state"] in ("STARTED", "RELOCATING")), None)
        if c is None:
            return 400, err("illegal_argument_exception", f"no data nodes with criteria [{m.group(2)}] found for shard: [{index}][{shard}]")
        r["count"] = c["docs"]
        r["_shards"].update(total=1, successful=1)
    else:
        prim = [c for c in M["copies"] if c["index"] == index and c["primary"]]
        r["count"] = sum(c["docs"] for c in prim)
        r["_shards"].update(total=len(prim), successful=len(prim))
    return 200, r


def snapshot_info(repo, name, s):
    info = copy.deepcopy(fixture("snapshot-get.json")["snapshots"][0])
    info.update(snapshot=name, repository=repo, uuid=f"uuid-{name}", indices=s["indices"], state=s["state"],
                start_time_in_millis=s["start"], shards={"total": s["total"], "failed": 0, "successful": s["done"]},
                include_global_state=s["global"])
    if s["state"] == "IN_PROGRESS":
        info.update(end_time=None, end_time_in_millis=0, duration_in_millis=0)
    else:
        info.update(end_time_in_millis=s["end"], duration_in_millis=s["end"] - s["start"])
    return info


def snapshot_api(method, parts, q, body):
    repo = parts[1] if len(parts) > 1 else None
    if method == "GET" and len(parts) == 1:
        return 200, {r: {"type": "fs", "settings": {"location": v["location"]}} for r, v in M["repos"].items()}
    if method == "PUT" and len(parts) == 2:
        if (body or {}).get("type") != "fs" or not (body.get("settings") or {}).get("location"):
            return 400, err("repository_verification_exception", f"[{repo}] only fs repositories with a location are faked")
        M["repos"].setdefault(repo, {"location": body["settings"]["location"], "snapshots": {}})
        return 200, {"acknowledged": True}
    if repo not in M["repos"]:
        return 404, err("repository_missing_exception", f"[{repo}] missing", 404)
    snaps = M["repos"][repo]["snapshots"]
    if method == "GET" and len(parts) == 2:
        return 200, {repo: {"type": "fs", "settings": {"location": M["repos"][repo]["location"]}}}
    name = parts[2]
    if method == "GET" and len(parts) == 3:
        names = list(snaps) if name in ("_all", "*") else [name]
        if any(n not in snaps for n in names):
            return 404, err("snapshot_missing_exception", f"[{repo}:{name}] is missing", 404)
        return 200, {"snapshots": [snapshot_info(repo, n, snaps[n]) for n in names], "total": len(names), "remaining": 0}
    if method == "PUT" and len(parts) == 3:
        if name in snaps:
            return 400, err("invalid_snapshot_name_exception", f"[{repo}:{name}] Invalid snapshot name [{name}], snapshot with the same name already exists")
        want = (body or {}).get("indices")
        idx = [i for i in M["indices"] if not want or i in want.split(",")]
        total = sum(M["indices"][i]["shards"] for i in idx)
        snaps[name] = {"indices": idx, "state": "IN_PROGRESS", "total": total, "done": 0, "start": now_ms(),
                       "end": 0, "global": (body or {}).get("include_global_state", True),
                       "data": {i: [dict(c) for c in M["copies"] if c["index"] == i and c["primary"]] for i in idx}}
        return 200, {"accepted": True}
    if name not in snaps:
        return 404, err("snapshot_missing_exception", f"[{repo}:{name}] is missing", 404)
    s = snaps[name]
    if method == "GET" and parts[3:] == ["_status"]:
        st = copy.deepcopy(fixture("snapshot-status.json")["snapshots"][0])
        st.update(snapshot=name, repository=repo, uuid=f"uuid-{name}",
                  state="STARTED" if s["state"] == "IN_PROGRESS" else s["state"])
        st["shards_stats"].update(initializing=0, started=s["total"] - s["done"], finalizing=0, done=s["done"], failed=0, total=s["total"])
        return 200, {"snapshots": [st]}
    if method == "POST" and parts[3:] == ["_restore"]:
        b = body or {}
        idx = [i for i in s["indices"] if not b.get("indices") or i in b["indices"].split(",")]
        for i in idx:
            new = re.sub(b["rename_pattern"], b["rename_replacement"].replace("$", "\\"), i) if b.get("rename_pattern") else i
            if new in M["indices"]:
                return 500, err("snapshot_restore_exception",
                                f"[{repo}:{name}/uuid-{name}] cannot restore index [{new}] because an open index with same name already exists in the cluster. "
                                "Either close or delete the existing index or restore the index under a different name by providing a rename pattern and replacement name", 500)
        for i in idx:
            new = re.sub(b["rename_pattern"], b["rename_replacement"].replace("$", "\\"), i) if b.get("rename_pattern") else i
            src = M["indices"][i] if i in M["indices"] else {"shards": len(s["data"][i]), "replicas": 1}
            M["indices"][new] = {"shards": len(s["data"][i]), "replicas": 1, "blocks_write": False}
            for p in s["data"][i]:
                for primary in (True, False):
                    M["copies"].append(dict(index=new, shard=p["shard"], primary=primary, state="UNASSIGNED", node=None,
                                            target=None, progress=0, kind=None, source=(repo, name) if primary else None,
                                            reason="NEW_INDEX_RESTORED", attempts=0, docs=p["docs"], store=p["store"],
                                            count=None, restore_kind="SNAPSHOT" if primary else None))
            del src
        allocate()
        return 200, {"accepted": True}
    return 400, err("illegal_argument_exception", f"no handler found for uri [/{'/'.join(parts)}] and method [{method}]")


def control(parts, body):
    what = parts[1] if len(parts) > 1 else ""
    if what == "scenario":
        scenario(body["name"], body.get("flavour", M.get("flavour", "es8")), body.get("step", M.get("step", 25)))
    elif what == "pause":
        M["paused"] = bool(body.get("paused", True))
        M["step"] = body.get("step", M["step"])
    elif what == "tick":
        tick()
    elif what == "mismatch":
        for c in M["copies"]:
            if c["index"] == body["index"] and c["shard"] == body["shard"] and not c["primary"]:
                c["docs"] = body["docs"]
    elif what == "override":
        key = (body.get("method", "GET"), body["path"])
        if body.get("body") is None:
            M["overrides"].pop(key, None)
        else:
            M["overrides"][key] = {"status": body.get("status", 200), "body": body["body"],
                                   "times": body.get("times"),
                                   "retry_after": body.get("retry_after")}
    elif what == "hits":
        return 200, M["hits"]
    elif what == "state":
        pass
    else:
        return 404, {"error": f"unknown control {what}"}
    return 200, {k: v for k, v in M.items() if k not in ("overrides", "hits")}


def route(method, path, q, body):
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] == "_fake":
        return control(parts, body or {})
    M["hits"].setdefault(f"{method} {path}", []).append(time.time())
    o = M["overrides"].get((method, path))
    if o is not None:
        if o["times"] is not None:
            o["times"] -= 1
            if o["times"] <= 0:
                del M["overrides"][(method, path)]
        if o["retry_after"] is not None:
            return o["status"], o["body"], {"retry-after": str(o["retry_after"])}
        return o["status"], o["body"]
    cols = [c for c in q.get("h", "").split(",") if c]
    if method == "GET" and not parts:
        root = copy.deepcopy(fixture({"es8": "root-es8.json", "es7": "root-es7.json",
                                      "opensearch2": "root-opensearch2.json"}[M["flavour"]]))
        return 200, root
    if parts[:2] == ["_cluster", "health"]:
        return 200, health(parts[2] if len(parts) > 2 else None)
    if parts[:2] == ["_cat", "shards"]:
        index = parts[2] if len(parts) > 2 else None
        if index and index not in M["indices"]:
            return 404, err("index_not_found_exception", f"no such index [{index}]", 404)
        return 200, cat_shards(index, cols)
    if parts[:2] == ["_cat", "nodes"]:
        return 200, cat_nodes(cols)
    if parts == ["_cluster", "settings"]:
        if method == "PUT":
            return put_settings(body or {})
        flat = q.get("flat_settings") in ("", "true")
        p, t = dict(M["persistent"]), dict(M["transient"])
        return 200, {"persistent": p if flat else nest(p), "transient": t if flat else nest(t)}
    if parts == ["_cat", "recovery"]:
        return 200, cat_recovery(q.get("active_only") in ("", "true"), cols)
    if parts == ["_recovery"]:
        return 200, recoveries(q.get("active_only") in ("", "true"))
    if parts == ["_cluster", "allocation", "explain"]:
        return explain(body)
    if parts == ["_cluster", "reroute"] and method == "POST":
        return reroute(q, body)
    if parts and parts[0] == "_snapshot":
        return snapshot_api(method, parts, q, body)
    if len(parts) == 2 and parts[1] == "_count":
        return count(parts[0], q)
    if len(parts) >= 2 and parts[1] == "_settings":
        if parts[0] not in M["indices"]:
            return 404, err("index_not_found_exception", f"no such index [{parts[0]}]", 404)
        s = {"index.blocks.write": "true"} if M["indices"][parts[0]]["blocks_write"] else {}
        return 200, {parts[0]: {"settings": s}}
    return 400, {"error": f"no handler found for uri [{path}] and method [{method}]"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def handle_any(self, method):
        u = urllib.parse.urlsplit(self.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(u.query, keep_blank_values=True).items()}
        n = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            body = json.loads(raw) if raw.strip() else None
        except ValueError:
            status, out = 400, err("parse_exception", "request body is not JSON")
        else:
            with LOCK:
                status, out, *extra = route(method, urllib.parse.unquote(u.path), q, body)
        data = out.encode() if isinstance(out, str) else json.dumps(out).encode()
        self.send_response(status)
        for k, v in (extra[0] if extra else {}).items():
            self.send_header(k, v)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_any("GET")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_POST(self):
        self.handle_any("POST")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--flavour", default="es8", choices=["es8", "es7", "opensearch2"])
    ap.add_argument("--scenario", default="green")
    ap.add_argument("--tick-ms", type=int, default=200)
    ap.add_argument("--step", type=int, default=25)
    a = ap.parse_args()
    scenario(a.scenario, a.flavour, a.step)
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    threading.Thread(target=ticker, args=(a.tick_ms,), daemon=True).start()
    tmp = a.port_file + ".tmp"
    Path(tmp).write_text(str(srv.server_address[1]))
    Path(tmp).rename(a.port_file)
    srv.serve_forever()


if __name__ == "__main__":
    main()
