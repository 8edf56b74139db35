"""Measure the shipped annotators against labelled data.

- ``annomi``: the move and client-talk models against an AnnoMI-format CSV
  (``alliance evaluate annomi PATH.csv``).
- ``gold``: the pipeline against a folder of hand-labelled analysis documents
  (``alliance evaluate gold DIR``), and two independent codings of the same
  sessions against each other (``alliance evaluate agreement SECOND FIRST``).
"""
