"""The coordinator's desk: its login, the statistics dashboard and exports, and the services
catalogue editor. A wing of its own, in Finnish and English only, with its own base template and
its own gettext domain (`desk`); nothing here changes what a client sees."""
