#!/usr/bin/python3
"""Interop peer on the Eclipse Paho Python client (Debian python3-paho-mqtt).

One JSON argument says what to do; events go to stdout as JSON lines:
  {"mode": "sub", "host", "port", "version": 4|5, "topic", "qos", "count", "timeout"}
      -> {"event": "ready"} after the SUBACK, then one {"event": "message", ...} per message
  {"mode": "pub", "host", "port", "version", "messages": [{"topic", "payload_hex", "qos", "retain",
      "user_properties": [[k, v], ...], "correlation_hex"}]}
      -> {"event": "done"} once every message is published (QoS 1/2 acknowledged)
Exits 0 on success, 2 on a timeout or refusal.
"""
import json
import sys
import time

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties


def emit(**event):
    print(json.dumps(event), flush=True)


def main():
    spec = json.loads(sys.argv[1])
    v5 = spec["version"] == 5
    client = mqtt.Client(client_id=spec.get("client_id", ""), protocol=mqtt.MQTTv5 if v5 else mqtt.MQTTv311)
    connected = {"rc": None}
    got = []

    def on_connect(c, userdata, flags, rc, properties=None):
        connected["rc"] = rc if isinstance(rc, int) else rc.value

    def on_message(c, userdata, msg):
        props = getattr(msg, "properties", None)
        user = getattr(props, "UserProperty", None) if props is not None else None
        corr = getattr(props, "CorrelationData", None) if props is not None else None
        got.append(msg)
        emit(event="message", topic=msg.topic, payload_hex=msg.payload.hex(), qos=msg.qos, retain=bool(msg.retain),
             user_properties=[list(p) for p in (user or [])], correlation_hex=corr.hex() if corr is not None else None)

    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(spec["host"], spec["port"], keepalive=30)
    client.loop_start()
    deadline = time.time() + spec.get("timeout", 10)
    while connected["rc"] is None and time.time() < deadline:
        time.sleep(0.01)
    if connected["rc"] != 0:
        emit(event="error", message=f"connect rc {connected['rc']}")
        return 2

    if spec["mode"] == "sub":
        # on_subscribe first: the network thread may handle the SUBACK before subscribe() returns.
        acked = {"done": False}
        client.on_subscribe = lambda *args: acked.update(done=True)
        result, mid = client.subscribe(spec["topic"], spec.get("qos", 0))
        while not acked["done"] and time.time() < deadline:
            time.sleep(0.01)
        emit(event="ready")
        while len(got) < spec.get("count", 1) and time.time() < deadline:
            time.sleep(0.01)
        ok = len(got) >= spec.get("count", 1)
    else:
        infos = []
        for m in spec["messages"]:
            props = None
            if v5:
                props = Properties(PacketTypes.PUBLISH)
                for k, v in m.get("user_properties", []):
                    props.UserProperty = (k, v)
                if m.get("correlation_hex") is not None:
                    props.CorrelationData = bytes.fromhex(m["correlation_hex"])
            infos.append(client.publish(m["topic"], bytes.fromhex(m["payload_hex"]), m.get("qos", 0), m.get("retain", False), properties=props))
        for info in infos:
            info.wait_for_publish(timeout=max(0.1, deadline - time.time()))
        ok = all(info.is_published() for info in infos)
        if ok:
            emit(event="done")
    client.disconnect()
    client.loop_stop()
    if not ok:
        emit(event="error", message="timed out")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
