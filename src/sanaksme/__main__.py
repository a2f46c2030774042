from sanaksme.cli import main

main()
