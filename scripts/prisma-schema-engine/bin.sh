#!/bin/sh
exec node "$(dirname "$0")/index.mjs" "$@"
