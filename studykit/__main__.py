from studykit.cli import main

main(prog_name="studykit")
