/* MentorMatch rebalance (matching-model.md section 5), GNU MathProg.
   Data: a .dat written by MathProgExporter (candidate arcs with their weights).
   glpsol -m rebalance.mod -d snapshot.dat                                     */

set STUDENTS;
set MENTORS;
/* Candidate pairs (§2 rules 1-7); a locked student has exactly one arc, its lock; a settling
   student (§4b) keeps only the pair with their current mentor. */
set ARCS within STUDENTS cross MENTORS;
set LOCKS within ARCS;

/* p[s]*fit(s,m), minus moveCost for a voluntary move. */
param weight{ARCS}, integer;
/* A voluntary student leaving the current mentor: pays moveCost, counts in maxMoves. */
param isMove{ARCS}, binary, default 0;
/* m differs from the current mentor: counts in maxNewPerWeek(m). */
param isArrival{ARCS}, binary, default 0;
/* p[s]*unassignedPenalty. */
param unassignedCost{STUDENTS}, integer, >= 0;
/* Voluntary students (current pair a candidate, no lock): leaving one unassigned is an eviction (v2). */
set VOLUNTARY within STUDENTS, default {};
param evictionCost, integer, >= 0, default 0;
param capacity{MENTORS}, integer, >= 0;
/* Absent = no limit. */
param maxNew{MENTORS}, integer, >= 0, default card(STUDENTS);
param maxMoves, integer, >= 0, default card(STUDENTS);

var x{ARCS}, binary;
var u{STUDENTS}, binary;

maximize objective:
    sum{(s, m) in ARCS} weight[s, m] * x[s, m]
  - sum{s in STUDENTS} unassignedCost[s] * u[s]
  - sum{s in VOLUNTARY} evictionCost * u[s];

s.t. assign{s in STUDENTS}:
    sum{m in MENTORS: (s, m) in ARCS} x[s, m] + u[s] = 1;

s.t. seats{m in MENTORS}:
    sum{s in STUDENTS: (s, m) in ARCS} x[s, m] <= capacity[m];

s.t. arrivals{m in MENTORS}:
    sum{s in STUDENTS: (s, m) in ARCS and isArrival[s, m] = 1} x[s, m] <= maxNew[m];

s.t. moves:
    sum{(s, m) in ARCS: isMove[s, m] = 1} x[s, m] <= maxMoves;

s.t. lock{(s, m) in LOCKS}:
    x[s, m] = 1;

end;
