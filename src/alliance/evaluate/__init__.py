"""Scoring the shipped annotators against expert labels.

- ``annomi``: the move and client-talk models against an AnnoMI-format CSV
  (``alliance evaluate annomi PATH.csv``).
"""
