# Stand-in for the deployed settings module, every_election.settings.deploy.
