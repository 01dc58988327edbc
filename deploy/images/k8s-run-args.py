#!/usr/bin/env python3
"""podman run arguments for one Deployment or Job of the rendered manifests, as the kubelet would run it.

usage: k8s-run-args.py RENDERED.yaml Deployment|Job NAME [--set NAME=VALUE]... [--drop NAME]...
                       [--replace "OLD|NEW"]... [--secret NAME/KEY=VALUE]... [--mount VOLUME=HOSTDIR]...

Prints one argument per line, then '--', the image and the container's args:
- the environment: envFrom ConfigMaps, then env (value, $(VAR) expanded as the kubelet does,
  secretKeyRef from the rendered Secrets or --secret for those the operators would make), then
  --replace (in-cluster host names and ports -> the local servers), --drop and --set;
- --user of runAsUser:runAsGroup, --read-only when readOnlyRootFilesystem, --cap-drop ALL,
  no-new-privileges, an emptyDir as a tmpfs of its sizeLimit, a Secret volume from --mount;
- the first line is 'grace=<terminationGracePeriodSeconds>' and the second 'port=<containerPort>'.
"""
import base64
import re
import sys

import yaml


def main(argv):
    rendered, kind, name, *rest = argv
    sets, drops, replaces, secrets_extra, mounts = [], set(), [], {}, {}
    it = iter(rest)
    for opt in it:
        val = next(it)
        if opt == "--set":
            sets.append(val.split("=", 1))
        elif opt == "--drop":
            drops.add(val)
        elif opt == "--replace":
            replaces.append(val.split("|", 1))
        elif opt == "--secret":
            ref, value = val.split("=", 1)
            secrets_extra[tuple(ref.split("/", 1))] = value
        elif opt == "--mount":
            volume, host = val.split("=", 1)
            mounts[volume] = host
        else:
            raise SystemExit(f"unknown option {opt}")

    docs = [d for d in yaml.safe_load_all(open(rendered, encoding="utf-8")) if d]
    config_maps = {d["metadata"]["name"]: d.get("data", {}) for d in docs if d["kind"] == "ConfigMap"}
    secrets = {}
    for d in docs:
        if d["kind"] == "Secret":
            for key, value in (d.get("data") or {}).items():
                secrets[(d["metadata"]["name"], key)] = base64.b64decode(value).decode()
            for key, value in (d.get("stringData") or {}).items():
                secrets[(d["metadata"]["name"], key)] = value
    secrets.update(secrets_extra)
    obj = next((d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name), None)
    if obj is None:
        raise SystemExit(f"no {kind} {name} in {rendered}")
    pod = obj["spec"]["template"]["spec"]
    container = pod["containers"][0]

    env = {}
    for source in container.get("envFrom", []):
        env.update(config_maps[source["configMapRef"]["name"]])
    for var in container.get("env", []):
        if "value" in var:
            # $(VAR) refers to a variable defined earlier in the list (the kubelet's rule).
            env[var["name"]] = re.sub(r"\$\((\w+)\)", lambda m: env.get(m.group(1), m.group(0)), var["value"])
        elif "secretKeyRef" in var.get("valueFrom", {}):
            ref = var["valueFrom"]["secretKeyRef"]
            if (ref["name"], ref["key"]) not in secrets:
                raise SystemExit(f"{name}: {var['name']} needs Secret {ref['name']}/{ref['key']} (give it with --secret)")
            env[var["name"]] = secrets[(ref["name"], ref["key"])]
        else:
            raise SystemExit(f"{name}: {var['name']} has a source this script does not know: {var['valueFrom']}")
    for key in list(env):
        for old, new in replaces:
            env[key] = env[key].replace(old, new)
        if key in drops:
            del env[key]
    env.update(dict(sets))

    security = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
    args = [f"grace={pod.get('terminationGracePeriodSeconds', 30)}",
            f"port={(container.get('ports') or [{'containerPort': ''}])[0]['containerPort']}"]
    if "runAsUser" in security:
        args += ["--user", f"{security['runAsUser']}:{security.get('runAsGroup', security['runAsUser'])}"]
    if security.get("readOnlyRootFilesystem"):
        # Only the pod's volumes are writable: no tmpfs of podman's own on /tmp, /run, /var/tmp.
        args += ["--read-only", "--read-only-tmpfs=false"]
    if "ALL" in security.get("capabilities", {}).get("drop", []):
        args += ["--cap-drop", "ALL"]
    if security.get("allowPrivilegeEscalation") is False:
        args += ["--security-opt", "no-new-privileges"]
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        volume = volumes[mount["name"]]
        if "emptyDir" in volume:
            size = volume["emptyDir"].get("sizeLimit", "")
            size = re.sub(r"Mi$", "m", re.sub(r"Gi$", "g", size))
            args += ["--tmpfs", f"{mount['mountPath']}:rw,mode=1777{',size=' + size if size else ''}"]
        elif mount["name"] in mounts:
            args += ["-v", f"{mounts[mount['name']]}:{mount['mountPath']}:ro"]
        elif "projected" in volume:
            continue  # the service account token: nothing here talks to a Kubernetes API
        else:
            raise SystemExit(f"{name}: volume {mount['name']} needs --mount {mount['name']}=HOSTDIR")
    for key, value in env.items():
        args += ["--env", f"{key}={value}"]
    args += ["--", container["image"], *container.get("args", [])]
    print("\n".join(args))


if __name__ == "__main__":
    main(sys.argv[1:])
