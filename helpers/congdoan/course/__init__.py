"""Trainer tools for a class: an nbgrader course directory driven by ``congdoan course``.

::

    init DIR            course folder: source/ (copied from assignments/), exchange/,
                        nbgrader_config.py, gradebook.db
    roster import FILE  trainees from CSV/Excel into the gradebook (+ danh_sach.csv: units)
    release NAME        generate_assignment + release_assignment
    collect NAME        from nbgrader's exchange, or --from a folder/zip sent by Zalo/e-mail
    autograde NAME      in parallel, one status per submission, gradebook written safely
    feedback NAME       Vietnamese HTML feedback without hidden tests
    report              per trainee, unit, assignment and check code; --xlsx with charts

The modules import nbgrader lazily so ``congdoan --help`` stays fast.
"""

from __future__ import annotations

__all__: list[str] = []
