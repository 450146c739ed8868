# SPDX-License-Identifier: MIT
"""A command line of the orglineage CLI as the HTTP request that asks the same question:
`who --area E06000052 --on 2007-06-01` is `GET /who?area=E06000052&on=2007-06-01`. Options keep
their names (`--code-on` is `code-on`), positional arguments take the names the endpoints give
them, flags are `name=true`."""
import urllib.parse

# The positional arguments of each command, in order, as the endpoints name them.
POSITIONAL = {
    "resolve": ["code"],
    "successors": ["body"],
    "predecessors": ["body"],
    "lineage": ["body"],
    "groups": ["body"],
    "members": ["group"],
    "search": ["text"],
    "diff": ["date1", "date2"],
}
# Options that take no value.
FLAGS = {"--legal", "--population", "--connected", "--bodies", "--areas", "--all-dates", "--include-announced"}


def http_target(args):
    """(path, query string) for CLI arguments `[command, ...]`, or None when the question has no
    HTTP form (a file argument, a global option the server takes at start)."""
    command, rest = args[0], list(args[1:])
    params = []
    positional = list(POSITIONAL.get(command, []))
    i = 0
    while i < len(rest):
        a = rest[i]
        if a.startswith("--"):
            name, _, value = a[2:].partition("=")
            if a.split("=")[0] in FLAGS:
                params.append((name, "true"))
            else:
                if not _:
                    i += 1
                    if i >= len(rest):
                        return None
                    value = rest[i]
                if name in ("format", "data", "postcode-file", "output", "rejects", "notes"):
                    return None
                params.append((name, value))
        else:
            if not positional:
                return None
            params.append((positional.pop(0), a))
        i += 1
    return "/" + command, urllib.parse.urlencode(params)
