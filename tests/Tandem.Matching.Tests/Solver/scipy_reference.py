"""Independent reference for OptimalMatcherTests: scipy's linear_sum_assignment.

Reads a JSON list of instances {n, m, caps, arcs: [[mentee, mentor, score]], objective} and prints
one line "matched total" per instance. Mentor j is expanded into caps[j] identical slots; every
mentee also gets a private dummy column (weight 0) so it may stay unmatched. For the lexicographic
objective each real pair gets a bonus larger than any possible score difference.
"""
import json
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

FORBIDDEN = 1e15

for inst in json.load(open(sys.argv[1])):
    n, caps, arcs = inst["n"], inst["caps"], inst["arcs"]
    slots = [j for j, c in enumerate(caps) for _ in range(c)]
    scores = [a[2] for a in arcs] or [0]
    bonus = 0
    if inst["objective"] == "matched":
        bonus = (n + 1) * (max(scores) - min(scores) + 1) + abs(min(scores)) + 1
    cost = np.full((n, len(slots) + n), FORBIDDEN)
    for i in range(n):
        cost[i, len(slots) + i] = 0.0
    for i, j, s in arcs:
        for k, slot_mentor in enumerate(slots):
            if slot_mentor == j:
                cost[i, k] = -(s + bonus)
    rows, cols = linear_sum_assignment(cost)
    matched = total = 0
    score_of = {(i, j): s for i, j, s in arcs}
    for i, k in zip(rows, cols):
        if k < len(slots):
            assert cost[i, k] < FORBIDDEN
            matched += 1
            total += score_of[(i, slots[k])]
    print(matched, total)
