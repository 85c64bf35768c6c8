#!/bin/bash
# Stand-in: the app's job scripts work in /var/www/every_election/code and source its .env.
cd /var/www/every_election/code
