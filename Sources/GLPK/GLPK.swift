import MIPModel
