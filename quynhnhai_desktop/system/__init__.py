"""Calls into the operating system that differ between Windows and elsewhere.

Each module gives one small interface with a Windows side (ctypes, injectable for tests)
and a side for other systems. No Qt and none of the app's layers: the GUI, the CLI and the
services may all use it.
"""
