#!/usr/bin/env bash
# The old deployment's hook: the bundle must never ship it.
exit 1
