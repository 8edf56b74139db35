"""Which gold splits the trainers may read (gold README, "Blind measurements").

Every split a new author writes is scored blind, once, before anyone reads it. After
that it is either kept blind (scored again at the end of a round, never read, never
trained on) or opened: read for development and added to the training data. The
lists are explicit on purpose: a split written later stays out until it is named here.
"""

from __future__ import annotations

__all__ = ["EARLY", "OPENED_NEW", "BLIND"]

#: The first new-author splits (test2 .. test16), opened in the early rounds.
EARLY: tuple[str, ...] = tuple(f"test{k}" for k in range(2, 17))
#: New-author splits opened since the sixteenth round. test77 .. test92 were written in the
#: twentieth round to be trained on: each scored blind once at 76d1413, then opened; test99 ..
#: test130 likewise in the twenty-first, scored blind once at c08144f, d015aa0 or d210167.
OPENED_NEW: tuple[str, ...] = (*(f"test{k}" for k in range(17, 59)), *(f"test{k}" for k in range(77, 93)),
                               *(f"test{k}" for k in range(99, 195)), *(f"test{k}" for k in range(196, 200)),
                               *(f"test{k}" for k in range(203, 227)))
#: test131 .. test138 (twenty-second round) were scored blind once at 8d1faf8, then opened to check
#: that round's readings; test139 .. test146 were scored blind at 8d1faf8 and 921f6d1, and test147 ..
#: test154 at 8d1faf8 and 259a0e6, and test155 .. test162 at 8d1faf8, 7807acf and 68c62cb, then opened.
#: test163 .. test170 (twenty-third round) were scored blind at 4164116, then opened; test171 ..
#: test178 were scored blind at 4164116, f19b8f1 and bc2a777, and test179 .. test186 at 4164116 and
#: 8de7431; both were scored again at e2adf02 and opened in the twenty-fourth round. test187 ..
#: test194 (twenty-fourth round) were scored blind at e2adf02, e58ad20, 3389815 and 67ff8a5, then
#: opened in the twenty-fifth. Of test195 .. test202 (twenty-fifth round), scored blind at 67ff8a5,
#: test196 .. test199 were opened; test195 and test200 .. test202 were scored again at 88bb997
#: and 024e94d and have not been read.
#: All of them but test195 and test200 .. test202 were added to the training data in the
#: twenty-sixth round (they are listed above). Of test203 .. test210 (twenty-sixth round),
#: scored blind at c4ae016, test203 .. test206 were opened for that round's readings and
#: test207 .. test210 were scored again at the end and not read. In the twenty-seventh round
#: test207 .. test210 were opened; test211 .. test218, written that round, were scored blind at
#: 3915190 (test215 .. test218 again at 7ce7f2f), then opened; test219 .. test226 were scored
#: blind at 3915190 and 7a83bec, then opened (test223 .. test226 also at 2b7889e). test203 ..
#: test226 joined the training data at that round's final rebuild. test227 .. test234, written
#: last that round, were scored at 3915190 and at the shipped state and not read.
#: The blind pool: scored at the start and end of a round, never read, tuned or trained on
#: (test93 .. test98 were written after the twentieth round's rebuild).
BLIND: tuple[str, ...] = (*(f"test{k}" for k in range(59, 77)), *(f"test{k}" for k in range(93, 99)))
