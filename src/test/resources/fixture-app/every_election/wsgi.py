# Stand-in: the app's wsgi.py loads the .env of the code directory and exposes `application`.
application = None
