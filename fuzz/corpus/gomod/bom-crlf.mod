module example.com/bom
