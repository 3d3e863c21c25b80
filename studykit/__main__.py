from studykit.cli import run

run()
