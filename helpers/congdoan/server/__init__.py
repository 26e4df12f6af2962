"""The classroom server: JupyterHub for a whole class on one machine, and its AI gateway.

* :mod:`.settings`: the trainer's ``congdoan-server.toml`` and the key file;
* :mod:`.accounts`: Unix accounts from the class roster, first-login passwords;
* :mod:`.hub`: folders, permissions and JupyterHub's configuration;
* :mod:`.spawner`: each trainee's server (limits, gateway, lessons);
* :mod:`.gateway` and :mod:`.usage`: the keys, budgets, rate, privacy guard and ledger;
* :mod:`.cli`: ``congdoan server setup | users | run | usage``.

Nothing here is imported by ``import congdoan``: JupyterHub is only needed on the server
(``pip install -e ".[server]"``).
"""
