from cleaner.cli import main

main(prog_name="cleaner")
