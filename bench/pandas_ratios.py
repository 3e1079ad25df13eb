"""The reference for `orgplan import` + `ratios --by team`: pandas reads the people file and sums makers' and PMs'
FTE per team (PMs by title, as the floor of bench/import_ratios.sh classes them), then writes the ratios as CSV.
    python3 bench/pandas_ratios.py PEOPLE_CSV > out.csv"""
import sys

import pandas as pd

people = pd.read_csv(sys.argv[1], usecols=["title", "fte", "team"])
pm = people["title"].str.contains("Product Manager", regex=False)
people["makers"] = people["fte"].where(~pm, 0)
people["pms"] = people["fte"].where(pm, 0)
teams = people.groupby("team")[["makers", "pms"]].sum()
teams["ratio"] = teams["makers"] / teams["pms"]
teams.to_csv(sys.stdout)
