"""Multi-device sync through any file-sync folder, backups and checks (issue 9).

The sync engine (Syncthing, Dropbox, iCloud Drive, OneDrive, a NAS) only ever carries the
vault's ciphertext files; this package watches the folder and takes in what arrives
(``service``, ``watch``), copies it for backups (``backup``) and verifies a vault or a
backup without changing it (``checker``).
"""
