from langcheck.cli import main

main()
