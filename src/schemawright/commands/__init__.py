"""CLI commands kept out of ``cli.py`` (each a plain function the app registers), so the entry module
stays small and cheap to import; every command imports its work inside its body."""
