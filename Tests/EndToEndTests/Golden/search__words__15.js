briefingSearchShard("words/15",{"2025":[[20,1,1,1,1,1,1],[]],"aimed":[[17,18],[]],"air":[[20,12],[20]],"european":[[8,23],[8]],"vladimir":[[10,20],[10]]});
