"""Shared content model of the archive: errors, front-matter, schema, locales.

Not a Pelican plugin itself: the plugins, the importer and `make check`
import it so that every tool reads content the same way.
"""
