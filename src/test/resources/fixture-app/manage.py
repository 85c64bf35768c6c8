#!/usr/bin/env python
# Stand-in: like the app's manage.py, loads .env and refuses to run without DJANGO_SETTINGS_MODULE.
